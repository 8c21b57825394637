import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses an SVG document as XML and counts its parts by class, so tests see what a reader would.
final class SVGInspector: NSObject, XMLParserDelegate {
    /// Element names with their attributes, in document order.
    private(set) var elements: [(name: String, attributes: [String: String])] = []
    /// The text of every `<text>` element.
    private(set) var texts: [String] = []
    private var currentText: String?

    /// Parses `svg`; throws the parser's error if it is not well-formed XML.
    init(_ svg: String) throws {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        guard parser.parse() else {
            throw parser.parserError ?? NSError(domain: "SVGInspector", code: 1, userInfo: [NSLocalizedDescriptionKey: "not well-formed"])
        }
    }

    /// Elements whose `class` attribute holds `name` among its words.
    func elements(ofClass name: String) -> [[String: String]] {
        elements.filter { $0.attributes["class"]?.split(separator: " ").contains(Substring(name)) == true }.map(\.attributes)
    }

    /// The root element's name.
    var root: String? { elements.first?.name }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        elements.append((name, attributes))
        if name == "text" { currentText = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        currentText? += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text", let text = currentText {
            texts.append(text)
            currentText = nil
        }
    }
}
