import FolioRender
import Foundation

/// What `folio init` writes: a commented `folio.yaml` for the sample data, and the sample itself,
/// so `folio build` works straight away and the file explains every key by example.
public enum ExampleProject {
    public static let buildFile = """
        # folio.yaml: what `folio build` makes, and from what.
        # Paths are relative to this folder. Run `folio build` here (or `folio build -C THIS_FOLDER`);
        # only targets whose data, style, fonts or options changed are rendered again.

        # The data: a name for each source, and its file (.yaml, .yml, .json) or CSV folder.
        sources:
          outcome4: data/outcome4.yaml
          # q3: data/q3-csv/            # a CSV folder: indicators.csv, countries.csv, report.yaml
          # reports: data/reports/*.yaml # a pattern: one source per file, named after it; "reports" names them all

        # Optional: the date written into every PDF. Without it, SOURCE_DATE_EPOCH if set,
        # else each data file's modification time.
        # date: 2016-03-01

        # Optional: where the build keeps .folio-state.json and writes changes.md / changes.json.
        # state_folder: Output

        # What to make. Each target names its source (a name, a list [a, b], or "*" for every
        # source), a style (a name from Styles/ or a path to a .yaml) and an output path, in which
        # {name} is the source's name and {style} the style's.
        targets:
          # The briefing PDF of the whole report.
          - briefing: outcome4
            style: default
            output: Output/{name}.pdf

          # One short PDF per country, in a folder.
          - countries: outcome4
            style: default
            output: Output/{name}-countries/

          # Every chart for slides, with charts.json; formats png, svg, pdf; PNG scales 1 to 4.
          - charts: outcome4
            style: slides
            formats: [png, svg]
            scales: [1, 2]
            output: Output/{name}-charts/

          # A PowerPoint deck: a title slide and one slide per chart.
          - deck: outcome4
            style: slides
            scale: 2
            output: Output/{name}.pptx

        """

    /// The bundled sample report, found beside the fonts (`Assets/samples/outcome4.yaml`).
    public static func sampleData() -> URL? {
        guard let fonts = FontLibrary.bundledFontsDirectory() else { return nil }
        let url = fonts.deletingLastPathComponent().appendingPathComponent("samples/outcome4.yaml")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
