import FolioConcurrency
import FolioLanguage
import FolioLayout
import FolioRender
import Foundation

/// Work a drawing command always does before it draws, done on a second thread while the first
/// parses the command line and reads the data.
///
/// A chart or briefing process runs one thread from start to end on a machine with more cores.
/// What this thread makes are the process's shared caches. The fontconfig set-up and the country
/// table are made once, by whichever thread asks first, while the other waits; a catalogue or an ICU
/// format asked for by both threads at once is made twice, the same both times. Either way output
/// cannot depend on which thread made what:
/// - the fontconfig set-up of the bundled fonts (`FontLibrary.prepareConfiguration`);
/// - the country table (`CountryTable.bundled`), which validating any data needs;
/// - the English catalogue, parsed once per process (`CatalogueFile`), which every edition needs;
/// - ICU's number, percent and date formats for English, whose first use loads CLDR data.
///
/// Pango and HarfBuzz are not warmed: their caches belong to each thread's font map.
public final class StartupWarmUp: Sendable {
    private let done = DispatchGroup()

    /// Starts the warm-up on its own thread.
    public init() {
        done.enter()
        let thread = Thread { [done] in
            StartupWarmUp.prepare()
            done.leave()
        }
        // Catalogue parsing recurses with the YAML's nesting; bundled files are shallow, but a
        // thread's default stack is small.
        thread.stackSize = 4 << 20
        thread.start()
    }

    /// Returns once the warm-up has finished. A process must call it before it exits: C++ libraries
    /// (ICU) tear down their static data at exit, which must not happen under a thread still using it.
    public func wait() {
        done.wait()
    }

    /// The warm-up's work on the calling thread: what `folio bench` times as start-up.
    public static func prepare() {
        FontLibrary.prepareConfiguration()
        _ = CountryTable.bundled
        let english = Edition.english
        _ = english.number(1234)
        _ = english.percent(1.1)
        _ = english.formats.longDate(Date(timeIntervalSince1970: 0))
    }
}
