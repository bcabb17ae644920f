// -Dcertdocs.skip=true: the goal says it skipped and does nothing, though the content is broken.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] certdocs: skipped')
assert log.contains('BUILD SUCCESS')
assert !log.contains('[properties/')
assert !log.contains('certdocs validate:')
assert !new File(basedir, 'target/certdocs').exists() : 'a skipped goal must write nothing'
return true
