// GITHUB_ACTIONS=true: besides the log lines, each finding is a workflow command at the start of a line.
def log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines()
assert lines.contains("::error file=articles/vpn-gateway-down.md,line=9,col=29,title=cloud/unknown::unknown cloud 'fairfx' in cloudEnvironments, did you mean 'fairfax'? Known clouds: public, fairfax, mooncake, usnat, ussec, blackforest.")
assert lines.contains("::warning file=articles/vpn-gateway-down.md,line=12,col=2,title=field/unknown::unknown attribute 'ownerTeam'")
assert lines.contains("[ERROR] articles/vpn-gateway-down.md:9:29: error [cloud/unknown] unknown cloud 'fairfx' in cloudEnvironments, did you mean 'fairfax'? Known clouds: public, fairfax, mooncake, usnat, ussec, blackforest.")
assert lines.findAll { it.startsWith('::') }.size() == 2
assert log.contains('BUILD FAILURE')
return true
