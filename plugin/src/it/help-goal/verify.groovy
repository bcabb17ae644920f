// certdocs:help lists every goal with its parameters; help:describe keeps every description whole
// (placeholders written {name}: help:describe reads the descriptions as HTML and dropped <name>).
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('BUILD SUCCESS')
['certdocs:check-links', 'certdocs:generate', 'certdocs:help', 'certdocs:new', 'certdocs:validate'].each {
    assert log.contains(it) : "help lists $it"
}
assert log.contains('certdocs.siteVersion') : 'help -Ddetail lists the parameters with their user properties'
[
    'Renders one static site per cloud into {outputDirectory}/{cloud}/{siteVersion}/',
    'certdocs-{cloud}-{version}.zip',
    'classifier site-{cloud}',
    'articles/{title-slug}.md',
].each {
    // Both outputs (certdocs:help, then help:describe) wrap long lines: compare with white space folded.
    assert log.replaceAll(/\s+/, ' ').count(it) >= 2 : "both descriptions keep '$it'"
}
return true
