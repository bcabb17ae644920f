// The repository the README's commands run in: sample-content's articles, includes and schema file
// (sampleContent is set in plugin/pom.xml), and an empty checked-out site at ../gh-pages.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption

Path from = Path.of(sampleContent)
Path to = basedir.toPath()
['articles', 'includes', 'certdocs-schema.json'].each { name ->
    Path source = from.resolve(name)
    assert Files.exists(source) : "sample-content has no $name"
    Files.walk(source).withCloseable { paths ->
        paths.forEach { p ->
            Path target = to.resolve(from.relativize(p).toString())
            if (Files.isDirectory(p)) Files.createDirectories(target)
            else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING)
        }
    }
}
File site = new File(basedir.parentFile, 'gh-pages')
site.deleteDir()
assert site.mkdirs()
return true
