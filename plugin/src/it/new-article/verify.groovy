// certdocs:new wrote the article with a fresh GUID, the title, the clouds, and every attribute
// the 'generic' kind requires; validate then lists only what is left to fill in.
def log = new File(basedir, 'build.log').getText('UTF-8')
def file = new File(basedir, 'articles/disk-throughput-is-throttled.md')
assert file.isFile() : "certdocs:new did not write $file"
assert log.contains('[INFO] Created articles/disk-throughput-is-throttled.md')

def text = file.getText('UTF-8')
assert text.startsWith('<properties\n')
def attrs = [:]
(text =~ /(?m)^\t([A-Za-z.]+)="([^"]*)"$/).each { all, name, value -> attrs[name] = value }

assert attrs.articleId ==~ /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/
assert attrs.pageTitle == 'Disk throughput is throttled'
assert attrs.cloudEnvironments == 'public, fairfax'
assert attrs.selfHelpType == 'generic'
def required = ['pageTitle', 'selfHelpType', 'articleId', 'cloudEnvironments', 'ownershipId',
                'description', 'service', 'resource', 'supportTopicIds', 'productPesIds']
required.each { assert attrs.containsKey(it) : "the scaffold lacks the required attribute $it" }
assert text.contains('\n# Disk throughput is throttled\n')

// Second invocation: validate parses the scaffold and reports the empty attributes and the placeholder
// texts left to replace, nothing else.
def reported = log.readLines().findAll { it ==~ /\[(ERROR|WARNING)\] articles\/.*/ }
assert reported == [
    "[ERROR] articles/disk-throughput-is-throttled.md:6:15: error [field/empty] required attribute 'ownershipId' is empty",
    "[ERROR] articles/disk-throughput-is-throttled.md:7:15: error [field/empty] required attribute 'description' is empty (required for selfHelpType 'generic')",
    "[ERROR] articles/disk-throughput-is-throttled.md:9:12: error [field/empty] required attribute 'resource' is empty (required for selfHelpType 'generic')",
    "[ERROR] articles/disk-throughput-is-throttled.md:10:19: error [field/empty] required attribute 'supportTopicIds' is empty (required for selfHelpType 'generic')",
    "[ERROR] articles/disk-throughput-is-throttled.md:11:17: error [field/empty] required attribute 'productPesIds' is empty (required for selfHelpType 'generic')",
    "[WARNING] articles/disk-throughput-is-throttled.md:16:1: warning [body/placeholder] placeholder text 'Describe the symptom in a sentence or two.' from certdocs:new is still here; replace it with the article's own words",
    "[WARNING] articles/disk-throughput-is-throttled.md:20:1: warning [body/placeholder] placeholder text 'What causes it.' from certdocs:new is still here; replace it with the article's own words",
    "[WARNING] articles/disk-throughput-is-throttled.md:24:4: warning [body/placeholder] placeholder text 'The first step.' from certdocs:new is still here; replace it with the article's own words",
]
return true
