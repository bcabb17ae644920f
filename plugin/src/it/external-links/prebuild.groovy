// Starts an HTTP server on 127.0.0.1 (any free port) that counts requests per path, and writes the
// articles with its address. The server lives in this Maven JVM until verify.groovy stops it.
import com.sun.net.httpserver.HttpServer
import java.util.concurrent.ConcurrentHashMap
import java.util.concurrent.atomic.AtomicInteger

def counts = new ConcurrentHashMap<String, AtomicInteger>()
def agents = ConcurrentHashMap.newKeySet()
def server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
server.createContext('/', { exchange ->
    String path = exchange.requestURI.path
    counts.computeIfAbsent(exchange.requestMethod + ' ' + path, { new AtomicInteger() }).incrementAndGet()
    agents.add(exchange.requestHeaders.getFirst('User-Agent') ?: '')
    int status = path == '/ok' ? 200 : 404
    exchange.sendResponseHeaders(status, -1)
    exchange.close()
} as com.sun.net.httpserver.HttpHandler)
server.start()
System.properties.put('certdocs.it.server', server)
System.properties.put('certdocs.it.counts', counts)
System.properties.put('certdocs.it.agents', agents)

String base = "http://127.0.0.1:${server.address.port}"
def article = { String id, String title, String clouds ->
    """<properties
\tpageTitle="${title}"
\tdescription="An article with external links for the external-links integration test"
\tservice="microsoft.network"
\tresource="virtualnetworkgateways"
\tselfHelpType="generic"
\tsupportTopicIds="32600001"
\tproductPesIds="16454"
\tcloudEnvironments="${clouds}"
\tarticleId="${id}"
\townershipId="CloudNet_VPN"
/>

# ${title}

1. Read [the guide](${base}/ok) first.
2. Then [the retired page](${base}/missing).
"""
}
def dir = new File(basedir, 'articles/network')
dir.mkdirs()
new File(dir, 'first.md').setText(article('it-ext-1', 'The first article', 'public, fairfax'), 'UTF-8')
new File(dir, 'second.md').setText(article('it-ext-2', 'The second article', 'public, mooncake'), 'UTF-8')
return true
