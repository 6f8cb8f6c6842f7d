package dev.natter.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The images the build makes are the ones compose and the manifests run. */
class ImageBuildTests {

  static Document pom(String path) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(Repository.ROOT.resolve(path).toFile());
  }

  static String text(Element parent, String tag) {
    return parent.getElementsByTagName(tag).item(0).getTextContent().trim();
  }

  @Test
  void namesEachImageAfterItsAppAndVersion() throws Exception {
    Element image = (Element) pom("pom.xml").getElementsByTagName("image").item(0);
    assertThat(text(image, "name"))
        .isEqualTo("${natter.image.prefix}${project.artifactId}:${natter.image.tag}");
    Element properties = (Element) pom("pom.xml").getElementsByTagName("properties").item(0);
    assertThat(text(properties, "natter.image.tag")).isEqualTo("${project.version}");
    for (String app : Repository.APPS) {
      Element project = pom(app + "/pom.xml").getDocumentElement();
      String artifactId = project.getElementsByTagName("artifactId").item(1).getTextContent();
      assertThat(artifactId + ":" + Repository.version()).isEqualTo(Repository.image(app));
    }
  }

  @Test
  void buildsForJava25WithTheAotCacheAndAHealthChecker() throws Exception {
    Element image = (Element) pom("pom.xml").getElementsByTagName("image").item(0);
    assertThat(text(image, "BP_JVM_VERSION")).isEqualTo("25");
    assertThat(text(image, "BP_JVM_AOTCACHE_ENABLED")).isEqualTo("true");
    assertThat(text(image, "BP_HEALTH_CHECKER_ENABLED")).isEqualTo("true");
    assertThat(image.getElementsByTagName("buildpack").item(1).getTextContent())
        .isEqualTo("paketobuildpacks/health-checker");
  }

  /** The functions start from beans Spring AOT generated at build time, for a faster cold start. */
  @Test
  void startsTheFunctionsFromSpringAot() throws Exception {
    Document functions = pom("functions/pom.xml");
    assertThat(functions.getElementsByTagName("goal").item(0).getTextContent())
        .isEqualTo("process-aot");
    Element image = (Element) functions.getElementsByTagName("image").item(0);
    assertThat(text(image, "BP_SPRING_AOT_ENABLED")).isEqualTo("true");
  }
}
