package dev.certdocs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema of the schema file that the plugin jar ships ({@code certdocs-schema.schema.json},
 * for editors to complete and check the file) accepts every schema file the project holds, and
 * describes the same keys certdocs itself accepts.
 */
class SchemaFileJsonSchemaTest {

    private static final Path PLUGIN = Path.of(System.getProperty("basedir", "."));
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema schemaOfTheSchemaFile() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("classpath:certdocs-schema.schema.json"));
    }

    /** sample-content's file, every fixture's and every invoker project's. */
    private static List<Path> schemaFilesOfTheProject() throws IOException {
        List<Path> files = new ArrayList<>();
        Path sample = PLUGIN.resolve("../sample-content/certdocs-schema.json").normalize();
        if (Files.isRegularFile(sample)) files.add(sample);
        for (Path root : List.of(PLUGIN.resolve("src/test/resources"), PLUGIN.resolve("src/it"))) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> all = Files.walk(root)) {
                all.filter(p -> p.getFileName().toString().equals("certdocs-schema.json")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    @Test
    void everySchemaFileOfTheProjectConformsToTheShippedJsonSchemaAndLoads() throws IOException {
        JsonSchema schema = schemaOfTheSchemaFile();
        List<Path> files = schemaFilesOfTheProject();
        assertFalse(files.isEmpty(), "no schema file found under " + PLUGIN.toAbsolutePath());
        for (Path file : files) {
            assertEquals(Set.of(), schema.validate(JSON.readTree(file.toFile())), file.toString());
            SchemaLoader.load(Optional.of(file));
        }
    }

    @Test
    void theJsonSchemaRejectsWhatCertdocsRejects() throws IOException {
        JsonNode typos = JSON.readTree("""
                { "attributes": { "contosoTier": { "enmu": ["gold"], "maxLenght": 3 } },
                  "kinds": { "faq": { "bdy": "markdown" } }, "kind": {} }
                """);
        Set<ValidationMessage> problems = schemaOfTheSchemaFile().validate(typos);
        assertEquals(4, problems.size(), problems.toString());
    }

    @Test
    void theJsonSchemaNamesTheKeysCertdocsAccepts() throws IOException {
        JsonNode schema = JSON.readTree(getClass().getResourceAsStream("/certdocs-schema.schema.json"));
        assertEquals(SchemaFile.TOP_LEVEL_KEYS, keys(schema.get("properties")));
        assertEquals(SchemaFile.ATTRIBUTE_KEYS, keys(schema.at("/$defs/attribute/properties")));
        assertEquals(SchemaFile.KIND_KEYS, keys(schema.at("/$defs/kind/properties")));
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
