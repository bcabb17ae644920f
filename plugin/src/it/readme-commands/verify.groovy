// Every README command ran and did what the README says it does (a failing run already failed the
// test: invoker.properties expects success from each).
def log = new File(basedir, 'build.log').getText('UTF-8')
def runs = new File(basedir, 'invoker.properties').readLines().count { it ==~ /invoker\.goals\.\d+\s*=.*/ }
assert log.count('[INFO] BUILD SUCCESS') == runs : "each of the $runs commands succeeded"

// mvn certdocs:help -Ddetail
assert log.contains('certdocs:generate') && log.contains('User property: certdocs.siteVersion')
// mvn certdocs:validate, also with -Dcertdocs.failOnWarning: sample-content is clean
assert log =~ /\[INFO\] certdocs validate: \d+ articles, 0 errors, 0 warnings/
// mvn certdocs:check-links -Dcertdocs.offline
assert log =~ /\[INFO\] certdocs check-links: \d+ articles, 0 errors, 0 warnings/

// mvn package -Dcertdocs.siteVersion=1.0.0, then 1.1.0: both versions stay, side by side.
def site = new File(basedir, 'target/certdocs/site')
['public', 'fairfax', 'mooncake', 'usnat', 'ussec'].each { cloud ->
    ['1.0.0', '1.1.0'].each { v ->
        assert new File(site, "$cloud/$v/index.html").isFile() : "$cloud $v rendered"
    }
    def versions = new File(site, "$cloud/versions.json").getText('UTF-8')
    assert versions.contains('"1.0.0"') && versions.contains('"1.1.0"')
}
assert new File(basedir, 'target/certdocs/certdocs-public-1.1.0.zip').isFile()
// ... and 1.2.0 -Dcertdocs.publishDirectory=../gh-pages: added to the checked-out site.
def published = new File(basedir.parentFile, 'gh-pages')
assert new File(published, 'public/1.2.0/index.html').isFile()
assert !new File(site, 'public/1.2.0').exists()

// mvn certdocs:validate -Dcertdocs.updateBaseline
assert new File(basedir, 'certdocs-baseline.json').isFile()
// mvn certdocs:new -Dtitle="Disk throughput is throttled" -Dtype=generic -Dclouds=public,fairfax
assert log.contains('[INFO] Created articles/disk-throughput-is-throttled.md')
def article = new File(basedir, 'articles/disk-throughput-is-throttled.md').getText('UTF-8')
assert article.contains('cloudEnvironments="public, fairfax"') && article.contains('selfHelpType="generic"')
return true
