import FolioLayout
import FolioModel
import FolioRender
@testable import FolioService
import Foundation
import NIOCore
import XCTest

/// The pool on its own: one renderer per thread, deadlines, the bounded queue, shutdown; and the cache.
final class RenderPoolTests: XCTestCase {
    func testEachThreadKeepsItsOwnRenderer() async throws {
        let pool = RenderPool(workers: 2, queueLimit: 64)
        defer { pool.shutdown() }
        let pairs = try await withThrowingTaskGroup(of: (UInt, ObjectIdentifier).self) { group in
            for _ in 0..<40 {
                group.addTask {
                    try await pool.run("check", timeout: .seconds(30)) { renderer in
                        Thread.sleep(forTimeInterval: 0.005)
                        return (UInt(pthread_self()), ObjectIdentifier(renderer))
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        let byThread = Dictionary(grouping: pairs, by: \.0).mapValues { Set($0.map(\.1)) }
        XCTAssertEqual(byThread.count, 2, "two worker threads")
        XCTAssertTrue(byThread.values.allSatisfy { $0.count == 1 }, "a thread switched renderers")
        XCTAssertEqual(Set(pairs.map(\.1)).count, 2, "two threads shared a renderer")
    }

    func testDeadlineAbandonsTheRenderAndThePoolCarriesOn() async throws {
        let pool = RenderPool(workers: 1, queueLimit: 4)
        defer { pool.shutdown() }
        let release = DispatchSemaphore(value: 0)
        do {
            _ = try await pool.run("briefing", timeout: .milliseconds(50)) { _ in release.wait(); return 1 }
            XCTFail("expected a timeout")
        } catch let failure as RenderPool.Failure {
            XCTAssertEqual(failure, .timedOut)
        }
        release.signal()
        // Queued behind the abandoned render, this one still runs once the thread is free.
        let value = try await pool.run("check", timeout: .seconds(600)) { _ in 42 }
        XCTAssertEqual(value, 42)
    }

    /// A render past its deadline is stopped (its renderer's cancellation is raised and it checks it
    /// between charts), so the worker is free for the next job long before the render would have ended.
    func testRenderPastItsDeadlineStopsAndFreesTheWorker() async throws {
        let pool = RenderPool(workers: 1, queueLimit: 4)
        defer { pool.shutdown() }
        let report = try XCTUnwrap(ReportLoader.check(data: Data(ServiceTestSupport.sampleYAML), fileName: "outcome4.yaml",
                                                      format: .yaml).report)
        let charts = Counter()
        do {
            _ = try await pool.run("charts", timeout: .milliseconds(200)) { renderer in
                // Far more charts than fit in the deadline: without cancellation, hours of work.
                for _ in 0..<1_000_000 {
                    _ = try renderer.chart(.targets, outcome: report.outcomes[0], report: report,
                                           options: ChartOptions(format: .svg, width: 320, height: 180))
                    charts.increment()
                }
                return 0
            }
            XCTFail("expected a timeout")
        } catch let failure as RenderPool.Failure {
            XCTAssertEqual(failure, .timedOut)
        }
        // The next job runs on the same (only) worker: the stopped render gave it back. Its own deadline
        // is generous; it only fails the test if the worker were never freed.
        let value = try await pool.run("check", timeout: .seconds(60)) { _ in 42 }
        XCTAssertEqual(value, 42)
        XCTAssertLessThan(charts.value, 1_000_000)
        XCTAssertTrue(pool.isReady)
    }

    /// While every worker is busy with a job past its deadline, the pool is not ready.
    func testNotReadyWhileEveryWorkerIsPastItsDeadline() async throws {
        let pool = RenderPool(workers: 1, queueLimit: 4)
        defer { pool.shutdown() }
        while !pool.isReady { try await Task.sleep(for: .milliseconds(5)) }
        let release = DispatchSemaphore(value: 0)
        do {
            // Does not check its cancellation: stands for a render stuck past its deadline.
            _ = try await pool.run("stuck", timeout: .milliseconds(20)) { _ in release.wait(); return 1 }
            XCTFail("expected a timeout")
        } catch let failure as RenderPool.Failure {
            XCTAssertEqual(failure, .timedOut)
        }
        XCTAssertEqual(pool.snapshot.running, 1)
        XCTAssertFalse(pool.isReady)
        release.signal()
        while !pool.isReady { try await Task.sleep(for: .milliseconds(5)) }
    }

    /// Shutdown returns once every thread has ended (not before, and not after a fixed wait).
    func testShutdownReturnsWhenTheThreadsHaveEnded() async throws {
        let pool = RenderPool(workers: 2, queueLimit: 4)
        while !pool.isReady { try await Task.sleep(for: .milliseconds(5)) }
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let job = Task { try await pool.run("check", timeout: .seconds(600)) { _ in started.signal(); release.wait(); return 7 } }
        started.wait()
        let returned = expectation(description: "shutdown returned")
        Thread {
            pool.shutdown(wait: .seconds(3600))
            XCTAssertEqual(pool.liveThreads, 0)
            returned.fulfill()
        }.start()
        release.signal()
        await fulfillment(of: [returned], timeout: 600)
        let value = try await job.value
        XCTAssertEqual(value, 7)
    }

    /// Shutdown past its wait cancels what still runs, and still returns only once the threads ended.
    func testShutdownPastItsWaitCancelsRunningRenders() async throws {
        let pool = RenderPool(workers: 1, queueLimit: 4)
        let started = DispatchSemaphore(value: 0)
        let job = Task {
            try await pool.run("check", timeout: .seconds(600)) { renderer in
                started.signal()
                while !(renderer.cancellation?.isCancelled ?? false) { Thread.sleep(forTimeInterval: 0.001) }
                try renderer.cancellation?.check()
                return 1
            }
        }
        started.wait()
        pool.shutdown(wait: .milliseconds(10))
        XCTAssertEqual(pool.liveThreads, 0)
        do {
            _ = try await job.value
            XCTFail("expected the render to stop")
        } catch {
            XCTAssertEqual(error as? LayoutStop, .cancelled)
        }
    }

    /// A request cancelled at any moment is answered once and never stays queued.
    func testCancelledRequestsNeverStayQueued() async throws {
        let pool = RenderPool(workers: 1, queueLimit: 1000)
        defer { pool.shutdown() }
        while !pool.isReady { try await Task.sleep(for: .milliseconds(5)) }
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let blocker = Task { try await pool.run("block", timeout: .seconds(600)) { _ in started.signal(); release.wait(); return 0 } }
        started.wait()
        let tasks = (0..<200).map { index in
            Task { try await pool.run("check", timeout: .seconds(600)) { _ in index } }
        }
        for task in tasks { task.cancel() }
        for task in tasks {
            do { _ = try await task.value; XCTFail("a cancelled request ran while the worker was busy") } catch {}
        }
        XCTAssertEqual(pool.snapshot.queued, 0)
        release.signal()
        _ = try await blocker.value
    }

    func testFullQueueIsRefusedAtOnce() async throws {
        let pool = RenderPool(workers: 1, queueLimit: 1)
        defer { pool.shutdown() }
        while !pool.isReady { try await Task.sleep(for: .milliseconds(5)) }
        let first = Task { try await pool.run("check", timeout: .seconds(10)) { _ in Thread.sleep(forTimeInterval: 0.4); return 1 } }
        while pool.snapshot.running == 0 { try await Task.sleep(for: .milliseconds(2)) }
        let second = Task { try await pool.run("check", timeout: .seconds(10)) { _ in 2 } }
        while pool.snapshot.queued == 0 { try await Task.sleep(for: .milliseconds(2)) }
        do {
            _ = try await pool.run("check", timeout: .seconds(10)) { _ in 3 }
            XCTFail("expected saturation")
        } catch RenderPool.Failure.saturated(let retryAfter) {
            XCTAssertGreaterThanOrEqual(retryAfter, 1)
        }
        let results = try await [first.value, second.value]
        XCTAssertEqual(results, [1, 2])
    }

    func testErrorsOfTheWorkReachTheCaller() async throws {
        let pool = RenderPool(workers: 1, queueLimit: 1)
        defer { pool.shutdown() }
        do {
            _ = try await pool.run("chart_png", timeout: .seconds(10)) { _ in throw RenderError.imageTooLarge(width: 1, height: 1, limit: 1) }
            XCTFail("expected an error")
        } catch let error as RenderError {
            XCTAssertEqual(error, .imageTooLarge(width: 1, height: 1, limit: 1))
        }
    }

    func testAfterShutdownNothingRuns() async throws {
        let pool = RenderPool(workers: 2, queueLimit: 4)
        pool.shutdown()
        do {
            _ = try await pool.run("check", timeout: .seconds(1)) { _ in 1 }
            XCTFail("expected stopped")
        } catch let failure as RenderPool.Failure {
            XCTAssertEqual(failure, .stopped)
        }
        XCTAssertFalse(pool.isReady)
    }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func increment() { lock.lock(); count += 1; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    }

    func testCacheDropsTheLeastRecentlyUsedByBytes() {
        let cache = ResponseCache(capacity: 80_000)
        func entry(_ size: Int) -> ResponseCache.Entry {
            ResponseCache.Entry(body: ByteBuffer(bytes: [UInt8](repeating: 1, count: size)), contentType: "image/png", fileName: "x.png")
        }
        cache.put("a", entry(9000))
        cache.put("b", entry(9000))
        cache.put("huge", entry(20_000))  // more than an eighth of the cache: not kept
        XCTAssertNil(cache.get("huge"))
        for index in 0..<6 { cache.put("filler\(index)", entry(9000)) }
        XCTAssertNotNil(cache.get("a"))  // now the most recent
        cache.put("c", entry(9000))       // over capacity: the least recent go
        XCTAssertNotNil(cache.get("a"))
        XCTAssertNil(cache.get("b"))
        XCTAssertLessThanOrEqual(cache.byteCount, 80_000)
        XCTAssertEqual(ResponseCache(capacity: 0).isEnabled, false)
    }

    func testCacheKeyCoversEveryInput() {
        let body = Array("title: x".utf8)
        let base = ResponseCache.key(engine: "e1", route: "/r", parameters: ["a": "1", "b": "2"], format: .yaml, body: body)
        XCTAssertEqual(base, ResponseCache.key(engine: "e1", route: "/r", parameters: ["b": "2", "a": "1"], format: .yaml, body: body))
        let variants = [
            ResponseCache.key(engine: "e2", route: "/r", parameters: ["a": "1", "b": "2"], format: .yaml, body: body),
            ResponseCache.key(engine: "e1", route: "/s", parameters: ["a": "1", "b": "2"], format: .yaml, body: body),
            ResponseCache.key(engine: "e1", route: "/r", parameters: ["a": "12", "b": ""], format: .yaml, body: body),
            ResponseCache.key(engine: "e1", route: "/r", parameters: ["a": "1", "b": "2"], format: .json, body: body),
            ResponseCache.key(engine: "e1", route: "/r", parameters: ["a": "1", "b": "2"], format: .yaml, body: body + [0x20]),
        ]
        XCTAssertEqual(Set(variants + [base]).count, 6)
    }

    func testStyleNamesNeverPaths() {
        for good in ["default", "slides-transparent", "print_mono", "v2.1"] { XCTAssertTrue(StyleCatalog.isPlainName(good), good) }
        for bad in ["", "../default", "a/b", "/etc/passwd", "..", ".hidden", "a..b", "déjà", "x y", String(repeating: "a", count: 65)] {
            XCTAssertFalse(StyleCatalog.isPlainName(bad), bad)
        }
    }
}
