// Run 1: validate fails on the broken links, each at path:line:col with its rule, in source order.
// Run 2 (the link rules as warnings): validate reports them once, check-links after it in the same
// build does not repeat them but still counts them, and the shared reports hold one part per goal.
def log = new File(basedir, 'build.log').getText('UTF-8')

def problems = [
    "articles/network/vpn-tunnel-down.md:19:9: %s [link/broken-internal] link target 'bgp-peerin.md' does not exist (looked for articles/network/bgp-peerin.md), did you mean 'bgp-peering.md'?",
    "articles/network/vpn-tunnel-down.md:19:46: %s [link/cross-cloud] links to articles/network/public-only.md, which is not published in fairfax (it is published in public)",
    "articles/network/vpn-tunnel-down.md:20:9: %s [link/missing-anchor] no heading or anchor '#check-the-conection' on this page, did you mean '#check-the-connection'?",
]
int previous = -1
problems.each { p ->
    def line = "[ERROR] " + String.format(p, 'error')
    int at = log.indexOf(line)
    assert at >= 0 : "build.log lacks the line: $line"
    assert at > previous : "out of source order: $line"
    previous = at
}
assert log =~ /(?m)^\[INFO\] certdocs validate: 4 articles, 3 errors, 0 warnings in \d+\.\d\d s$/
assert log =~ /(?m)^\[ERROR\] Failed to execute goal dev\.certdocs:certdocs-maven-plugin:[^ ]+:validate \(default\) on project broken-links: certdocs validate: 4 articles, 3 errors, 0 warnings in \d+\.\d\d s\. See the lines above or target\/certdocs\/report\.html\.( -> \[Help 1\])?$/

problems.each { p ->
    def line = "[WARNING] " + String.format(p, 'warning')
    assert log.count(line) == 1 : "reported once, by validate: $line"
}
assert !log.contains('ike-settings.md:') : 'the clean article must not be reported'
assert log.contains('[INFO] 3 problems found without the network (paths, anchors, clouds, air-gapped hosts, syntax) were reported by validate in this build and are not repeated here')
assert log.contains('[INFO] offline: 1 external URL not checked')
assert log =~ /(?m)^\[INFO\]   internal ok\s+3$/
assert log =~ /(?m)^\[INFO\]   internal broken\s+3$/
assert log =~ /(?m)^\[INFO\]   not checked \(offline\)\s+1$/
assert log =~ /(?m)^\[INFO\] certdocs check-links: 4 articles, 0 errors, 0 warnings in \d+\.\d\d s$/
assert !log.contains('at dev.certdocs.') : 'no stack trace for bad content'

def reports = new File(basedir, 'target/certdocs')
def sarif = new groovy.json.JsonSlurper().parse(new File(reports, 'certdocs.sarif'))
assert sarif.runs*.automationDetails*.id == ['certdocs/validate/', 'certdocs/check-links/']
assert sarif.runs[0].results*.ruleId == ['link/broken-internal', 'link/cross-cloud', 'link/missing-anchor']
assert sarif.runs[1].results.size() == 0

def junit = new groovy.xml.XmlSlurper().parse(new File(reports, 'certdocs-junit.xml'))
assert junit.testsuite*.@name*.text() == ['certdocs.validate', 'certdocs.check-links']

def html = new File(reports, 'report.html').getText('UTF-8')
assert html.indexOf('id="goal-validate"') >= 0 && html.indexOf('id="goal-check-links"') > html.indexOf('id="goal-validate"')
assert html.contains('bgp-peerin.md')
return true
