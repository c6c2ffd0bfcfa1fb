import FolioModel
import Foundation

/// How a build is run.
public struct BuildOptions: Sendable {
    /// Rebuild every target, fresh or not.
    public var force: Bool
    /// Renders in parallel (each with its own renderer and font map).
    public var jobs: Int
    /// Only work out what is out of date; read no data, write nothing.
    public var dryRun: Bool
    /// Build only this part of the targets (see `Shard`).
    public var shard: Shard?
    /// Give every briefing a "Changes in this version" page, as `changes_page: true` does for one.
    public var changesPage: Bool

    public init(force: Bool = false, jobs: Int = ProcessInfo.processInfo.activeProcessorCount, dryRun: Bool = false,
                shard: Shard? = nil, changesPage: Bool = false) {
        self.force = force
        self.jobs = max(1, jobs)
        self.dryRun = dryRun
        self.shard = shard
        self.changesPage = changesPage
    }
}

/// What a build reports while it runs, in order, one at a time (never concurrently).
public enum BuildEvent: Sendable {
    /// Fresh and stale targets are known; `stale` is what will be (or, dry, would be) rendered.
    case planned(total: Int, stale: [String], fresh: Int)
    /// A warning about a source or style; the build goes on.
    case warning(Diagnostic)
    case built(TargetReport)
    case failed(TargetFailure)
}

/// One target that was rendered.
public struct TargetReport: Codable, Sendable, Equatable {
    public var id: String
    public var kind: Project.Kind
    public var source: String
    /// Outputs whose bytes changed (or are new), relative to the project folder.
    public var written: [String]
    /// Outputs rendered again to the same bytes, left untouched.
    public var unchanged: [String]
    /// Outputs of an earlier build the target no longer makes (a country gone from the data).
    public var removed: [String]
    public var seconds: Double
}

/// One target that could not be built; its previous outputs are untouched.
public struct TargetFailure: Error, Codable, Sendable, Equatable {
    public enum Reason: String, Codable, Sendable, Error {
        /// `cannotWrite`: the output or its folder cannot be made (not writable, a file in the way);
        /// `writeFailed`: writing failed midway (a full disk, a failing device).
        case missingSource, unreadableSource, invalidData, invalidStyle, renderFailed, cannotWrite, writeFailed

        /// sysexits code, as for the single-file commands.
        public var exitCode: Int32 {
            switch self {
            case .missingSource, .unreadableSource: return 66
            case .invalidData, .invalidStyle: return 65
            case .renderFailed: return 70
            case .cannotWrite: return 73
            case .writeFailed: return 74
            }
        }
    }

    public var id: String
    public var kind: Project.Kind
    public var source: String
    public var reason: Reason
    /// The precise messages, `file:line:column: field: message` where there is a position.
    public var messages: [String]

    init(target: Project.Target, reason: Reason, messages: [String]) {
        id = target.id
        kind = target.kind
        source = target.source
        self.reason = reason
        self.messages = messages
    }
}

/// The outcome of a build: what was rendered, what was fresh, what failed and what changed.
public struct BuildSummary: Codable, Sendable {
    /// Targets considered (this shard's, with `--shard`).
    public var total: Int
    public var built: [TargetReport]
    /// Ids of targets that were up to date.
    public var fresh: [String]
    public var failed: [TargetFailure]
    /// Dry run: the targets that would be rendered.
    public var wouldBuild: [String]
    /// Sources whose data changed since their last successful build.
    public var changes: [DataChanges]
    /// Bytes of input read to fingerprint files (0 for a no-op build over files already hashed).
    public var bytesHashed: Int
    public var seconds: Double

    /// Every output whose bytes changed, over all targets.
    public var changedOutputs: [String] { built.flatMap(\.written) }

    /// 0, or the sysexits code of the most telling failure: invalid data (65) first, so cron mails
    /// say "fix the data" rather than anything vaguer.
    public var exitCode: Int32 {
        let codes = failed.map(\.reason.exitCode)
        if codes.isEmpty { return 0 }
        return codes.contains(65) ? 65 : codes.min()!
    }
}
