package sluice.dependencies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import sluice.magic.UsageError;

class PomDependenciesTest {
    @Test
    void coordinates_ofADependenciesBlock_skipTestScopeAndKeepClassifiers() {
        String pom = """
                <dependencies>
                  <dependency><groupId>org.hsqldb</groupId><artifactId>hsqldb</artifactId><version>2.7.4</version></dependency>
                  <dependency>
                    <groupId>org.bytedeco</groupId><artifactId>openblas</artifactId>
                    <version>0.3.26-1.5.10</version><classifier>linux-x86_64</classifier>
                  </dependency>
                  <dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.13.2</version><scope>test</scope></dependency>
                </dependencies>""";
        assertThat(PomDependencies.coordinates(pom)).containsExactly("org.hsqldb:hsqldb:2.7.4",
                "org.bytedeco:openblas:jar:linux-x86_64:0.3.26-1.5.10");
    }

    @Test
    void coordinates_ofBareElements_areReadToo() {
        assertThat(PomDependencies.coordinates("<dependency><groupId>a</groupId><artifactId>b</artifactId>"
                + "<version>1</version></dependency>")).containsExactly("a:b:1");
    }

    @Test
    void aDependencyWithoutVersion_orBrokenXml_isOneLine() {
        assertThatThrownBy(() -> PomDependencies.coordinates("<dependency><groupId>a</groupId><artifactId>b</artifactId></dependency>"))
                .isInstanceOf(UsageError.class).hasMessageStartingWith("A <dependency> needs a groupId, an artifactId and a version");
        assertThatThrownBy(() -> PomDependencies.coordinates("<dependency><groupId>a</groupId>"))
                .isInstanceOf(UsageError.class).hasMessageStartingWith("The cell is not a pom's <dependency> elements");
    }
}
