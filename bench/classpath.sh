# Sourced by the bench scripts: compiles the plugin's test classes and sets $classpath to them,
# the plugin's classes and every test-scope dependency. MVN_OFFLINE= lets Maven download.
classpath_file=plugin/target/bench-classpath.txt
./mvnw -q -B ${MVN_OFFLINE--o} -pl plugin -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
classpath="plugin/target/test-classes:plugin/target/classes:$(cat "$classpath_file")"
