// Each run asked for each URL once, whatever the number of articles and clouds using it; the second
// run took the ok URL from the cache and asked only for the broken one again (HEAD, then GET).
import java.util.concurrent.atomic.AtomicInteger

def server = System.properties.remove('certdocs.it.server')
def counts = System.properties.remove('certdocs.it.counts')
def agents = System.properties.remove('certdocs.it.agents')
server.stop(0)

Map<String, Integer> seen = counts.collectEntries { k, v -> [(k): v.get()] }
assert seen == ['HEAD /ok': 1, 'HEAD /missing': 2, 'GET /missing': 2] : "requests: $seen"
assert agents.size() == 1 && agents.iterator().next().startsWith('certdocs/') : "user agents: $agents"

def log = new File(basedir, 'build.log').getText('UTF-8')
def port = server.address.port
assert log.contains("[ERROR] articles/network/first.md:17:9: error [link/broken-external] http://127.0.0.1:${port}/missing is broken: 404 Not Found")
assert (log =~ /(?m)^\[INFO\] certdocs check-links: 2 articles, 2 errors, 0 warnings in \d+\.\d\d s$/).size() == 2 : 'two runs'
assert (log =~ /(?m)^\[INFO\]   external ok\s+1$/).size() == 2
assert (log =~ /(?m)^\[INFO\] 1 of 2 external URLs ok from the link cache, not requested again$/).size() == 1 : 'the second run says what came from the cache'
assert !log.contains('at dev.certdocs.') : 'no stack trace for a broken link'

def cache = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/certdocs/link-cache.json'))
assert cache.toString().contains("127.0.0.1:${port}/ok")
assert !cache.toString().contains('/missing') : 'failures are never cached'
return true
