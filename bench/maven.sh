# Sourced by the bench scripts that time a real `mvn certdocs:<goal>`: installs the plugin under test
# into the benchmark's own local repository (bench/work/m2, filled from ~/.m2 through a file://
# repository; never ~/.m2, which others share) and writes a content repository's POM that uses it,
# as the README's snippet has it.
#   maven_bench_setup <repository> <artifactId>   sets mvn_bench (the Maven command line to run)
maven_bench_setup() {
    local repository=$1 artifact=$2
    local version
    version=$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$root/pom.xml" | head -n 1) # the reactor's version
    m2=$work/m2
    cat > "$work/m2-settings.xml" <<EOF
<settings>
  <localRepository>$m2</localRepository>
  <profiles><profile><id>home</id>
    <activation><activeByDefault>true</activeByDefault></activation>
    <repositories><repository><id>home</id><url>file://$HOME/.m2/repository</url></repository></repositories>
    <pluginRepositories><pluginRepository><id>home</id><url>file://$HOME/.m2/repository</url></pluginRepository></pluginRepositories>
  </profile></profiles>
</settings>
EOF
    mvn_bench=("$root/mvnw" -B -s "$work/m2-settings.xml" -Daether.offline.protocols=file ${MVN_OFFLINE--o})
    mkdir -p "$work/logs"
    "${mvn_bench[@]}" -q -f "$root/pom.xml" -pl plugin -am install -DskipTests -Dinvoker.skip > "$work/logs/install.log" 2>&1 \
        || { tail -n 30 "$work/logs/install.log"; exit 1; }
    cat > "$repository/pom.xml" <<EOF
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.certdocs.bench</groupId>
  <artifactId>$artifact</artifactId>
  <version>1.0.0</version>
  <packaging>pom</packaging>
  <name>Synthetic support repository</name>
  <build>
    <plugins>
      <plugin>
        <groupId>dev.certdocs</groupId>
        <artifactId>certdocs-maven-plugin</artifactId>
        <version>$version</version>
      </plugin>
    </plugins>
  </build>
</project>
EOF
    # Resolves the plugin into bench/work/m2 once, outside any timing.
    "${mvn_bench[@]}" -q -f "$repository/pom.xml" certdocs:help > /dev/null
}
