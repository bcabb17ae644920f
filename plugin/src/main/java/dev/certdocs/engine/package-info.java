/**
 * The facade the goals call ({@link dev.certdocs.engine.CertDocs}), the one class that wires the
 * stages: each goal's method names them in order, load → validate → link → render (per cloud)
 * → publish, and {@code generate} calls them through {@link dev.certdocs.incremental}. Input: a
 * {@link dev.certdocs.config.BuildConfig}; output: a result the goal turns into pass or fail, and
 * the reports. {@link dev.certdocs.engine.Preview} is the live preview's site: the same stages
 * behind the serve package's interface, one page on demand.
 */
package dev.certdocs.engine;
