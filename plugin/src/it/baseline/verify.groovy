// Run 1 wrote the baseline from today's two problems and passed; run 2 read it and passed.
def log = new File(basedir, 'build.log').getText('UTF-8')
def baselineFile = new File(basedir, 'certdocs-baseline.json')
assert baselineFile.isFile() : 'the first run must write certdocs-baseline.json'

def baseline = new groovy.json.JsonSlurper().parse(baselineFile)
assert baseline.version == 1
assert baseline.entries*.rule == ['cloud/unknown', 'field/unknown']
assert baseline.entries.every { it.path == 'articles/legacy-article.md' && it.count == 1 }
assert baseline.entries*.context == ['cloudEnvironments="public, mooncak"', 'legacyOwner="storage-team"']

assert log.contains('[INFO] Wrote 2 problem(s) to the baseline certdocs-baseline.json')
def closing = /(?m)^\[INFO\] certdocs validate: 1 article, 0 errors, 0 warnings \(2 more in the baseline\) in \d+\.\d\d s$/
assert (log =~ closing).count == 2 : 'both runs pass with every problem in the baseline'
assert !log.contains('BUILD FAILURE')
assert !log.contains('[ERROR] articles/') : 'baselined problems are not reported as errors'
return true
