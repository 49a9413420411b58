package sluice.dependencies;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import sluice.magic.UsageError;

/** The coordinates of a pom's {@code <dependency>} elements, as {@code %%maven} takes them from its cell. */
final class PomDependencies {
    private PomDependencies() {
    }

    /**
     * group:artifact[:type[:classifier]]:version of each {@code <dependency>} in {@code xml}, which may be
     * a {@code <dependencies>} block or the elements alone. Test and provided dependencies are skipped,
     * as Maven leaves them off a runtime class path.
     */
    static List<String> coordinates(String xml) {
        NodeList dependencies;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            dependencies = factory.newDocumentBuilder()
                    .parse(new InputSource(new StringReader("<sluice>" + xml + "</sluice>")))
                    .getElementsByTagName("dependency");
        } catch (SAXException e) {
            throw new UsageError("The cell is not a pom's <dependency> elements: " + e.getMessage() + ".");
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> coordinates = new ArrayList<>();
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            String scope = text(dependency, "scope");
            if (scope.equals("test") || scope.equals("provided")) {
                continue;
            }
            String group = text(dependency, "groupId");
            String artifact = text(dependency, "artifactId");
            String version = text(dependency, "version");
            if (group.isEmpty() || artifact.isEmpty() || version.isEmpty()) {
                throw new UsageError("A <dependency> needs a groupId, an artifactId and a version (no parent pom or BOM "
                        + "manages them here): " + group + ":" + artifact + ".");
            }
            String type = text(dependency, "type");
            String classifier = text(dependency, "classifier");
            coordinates.add(group + ":" + artifact + (classifier.isEmpty() ? type.isEmpty() ? "" : ":" + type
                    : ":" + (type.isEmpty() ? "jar" : type) + ":" + classifier) + ":" + version);
        }
        return coordinates;
    }

    private static String text(Element parent, String name) {
        NodeList found = parent.getElementsByTagName(name);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
    }
}
