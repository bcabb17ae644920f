/**
 * The Maven goals: each maps its parameters to a {@link dev.certdocs.config.BuildConfig}, calls
 * the engine and turns the result into pass or fail. The only package that knows Maven.
 */
package dev.certdocs.mojo;
