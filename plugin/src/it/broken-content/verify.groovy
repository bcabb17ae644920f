// The build failed (invoker.buildResult=failure); it must have said why, every problem at once,
// each as path:line:col: severity [rule-id] message, in source order, then the closing summary.
def log = new File(basedir, 'build.log').getText('UTF-8')

def expected = [
    "[ERROR] articles/compute/disk-detach.md:5:11: error [properties/syntax] the value of 'resource' must be in double quotes, found 'v'",
    "[ERROR] articles/compute/vm-start-fails.md:1:1: error [field/required] missing required attribute 'supportTopicIds' (required for selfHelpType 'generic')",
    "[WARNING] articles/compute/vm-start-fails.md:7:2: warning [field/unknown] unknown attribute 'supportToicIds', did you mean 'supportTopicIds'?",
    "[ERROR] articles/compute/vm-start-fails.md:9:29: error [cloud/unknown] unknown cloud 'fairfx' in cloudEnvironments, did you mean 'fairfax'? Known clouds: public, fairfax, mooncake, usnat, ussec, blackforest.",
    "[ERROR] articles/compute/vm-start-fails.md:18:1: error [include/missing] included file '../../includes/quota-check.md' does not exist (looked for includes/quota-check.md)",
]
int previous = -1
expected.each { line ->
    int at = log.indexOf(line)
    assert at >= 0 : "build.log lacks the line: $line"
    assert at > previous : "out of source order: $line"
    previous = at
}
assert !log.contains('resize.md') : 'the clean article must not be reported'
assert !log.contains('at dev.certdocs.') : 'no stack trace for bad content'

assert log =~ /(?m)^\[INFO\] certdocs validate: 3 articles, 4 errors, 1 warning in \d+\.\d\d s$/
assert log.contains('BUILD FAILURE')
assert log =~ /(?m)^\[ERROR\] Failed to execute goal dev\.certdocs:certdocs-maven-plugin:[^ ]+:validate \(default\) on project broken-content: certdocs validate: 3 articles, 4 errors, 1 warning in \d+\.\d\d s\. See the lines above or target\/certdocs\/report\.html\.( -> \[Help 1\])?$/

def reports = new File(basedir, 'target/certdocs')
['certdocs.sarif', 'certdocs-junit.xml', 'report.html'].each { name ->
    assert new File(reports, name).isFile() : "missing report target/certdocs/$name"
}
def sarif = new groovy.json.JsonSlurper().parse(new File(reports, 'certdocs.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].results.size() == 5
assert sarif.runs[0].results*.ruleId as Set == ['properties/syntax', 'field/required', 'field/unknown', 'cloud/unknown', 'include/missing'] as Set

def junit = new groovy.xml.XmlSlurper().parse(new File(reports, 'certdocs-junit.xml'))
assert junit.testsuite.testcase.size() == 3
assert junit.testsuite.testcase.findAll { it.failure.size() > 0 }.size() == 2

assert new File(reports, 'report.html').getText('UTF-8').contains('fairfx')
return true
