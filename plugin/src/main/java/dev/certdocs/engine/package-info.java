/**
 * The facade the goals call ({@link dev.certdocs.engine.CertDocs}) and the pipeline that wires
 * the stages: load, validate, then report; and the live preview's site
 * ({@link dev.certdocs.engine.Preview}), the stages behind the serve package's interface. Input:
 * a {@link dev.certdocs.config.BuildConfig}; output: a result the goal turns into pass or fail.
 */
package dev.certdocs.engine;
