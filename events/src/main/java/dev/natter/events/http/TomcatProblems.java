package dev.natter.events.http;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;

/**
 * What Tomcat refuses before Spring sees the request (a malformed request line, headers over the
 * limit), and what reaches the container's error path, is answered as a problem detail too, not as
 * Tomcat's HTML page or Spring Boot's error JSON.
 */
@Configuration(proxyBeanMethods = false)
@Import(ProblemErrorController.class)
public class TomcatProblems {

  @Bean
  WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReports() {
    return factory -> factory.addContextCustomizers(TomcatProblems::install);
  }

  /** Puts the problem valve in place of the host's error report valves, once all are added. */
  private static void install(Context context) {
    context.addLifecycleListener(
        event -> {
          if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
            Pipeline pipeline = context.getParent().getPipeline();
            for (Valve valve : pipeline.getValves()) {
              if (valve instanceof ErrorReportValve) {
                pipeline.removeValve(valve);
              }
            }
            pipeline.addValve(new ProblemValve());
          }
        });
  }

  /** Writes an RFC 9457 problem detail for an error response that has no body yet. */
  static final class ProblemValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.getContentWritten() > 0) {
        return;
      }
      AtomicBoolean writable = new AtomicBoolean();
      response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
      if (!writable.get()) {
        return;
      }
      HttpStatus known = HttpStatus.resolve(status);
      String title = known == null ? "Error" : known.getReasonPhrase();
      try {
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        Writer writer = response.getReporter();
        if (writer != null) {
          writer.write(
              "{\"type\":\"about:blank\",\"title\":\""
                  + title
                  + "\",\"status\":"
                  + status
                  + ",\"detail\":\"The request could not be read: "
                  + title
                  + "\"}");
          response.finishResponse();
        }
      } catch (IOException | IllegalStateException e) {
        // The client is gone or the response was committed meanwhile: nothing left to tell.
      }
    }
  }
}
