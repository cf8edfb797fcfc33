package org.amplify.models.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.amplify.accounts.TestAccounts;
import org.amplify.models.ModelRegistry;
import org.amplify.models.TorchScriptFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through a real server (Tomcat parses the multipart body, MockMvc does not): a file over
 * {@code spring.servlet.multipart.max-file-size} is answered with a 413 problem that names the limit,
 * and nothing is registered.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"spring.servlet.multipart.max-file-size=8KB", "spring.servlet.multipart.max-request-size=1MB"})
class ImportUploadLimitTests {

    @LocalServerPort
    int port;

    @Autowired
    TestAccounts accounts;

    @Autowired
    ModelRegistry registry;

    @Test
    void aFileOverTheLimitIsRefusedWithTheLimit() throws Exception {
        String token = accounts.token(accounts.admin());
        HttpResponse<String> response = post(token, TorchScriptFixtures.read(TorchScriptFixtures.PERMUTATION_ECHO));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("larger than the upload limit of 8 KB");
        assertThat(registry.versions("permutation-powering")).isEmpty();
    }

    private HttpResponse<String> post(String token, byte[] file) throws Exception {
        String boundary = "----amplify-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"domain\"\r\n\r\n"
                + "permutation-powering\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"model.pt\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/models/import"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
