/**
 * Incremental building: a full build, just faster. It wraps the stages from outside and no stage
 * knows of it (the architecture test keeps it so): {@link dev.certdocs.incremental.IncrementalBuild}
 * memoizes load and validate by content hash ({@link dev.certdocs.incremental.CheckCache}, the
 * validation cache, with its JSON codec and {@link dev.certdocs.incremental.LinkCodec}), judges
 * which published pages are still right ({@link dev.certdocs.incremental.PageKeys}, the
 * {@link dev.certdocs.incremental.BuildFingerprint}, the {@link dev.certdocs.incremental.Manifest})
 * and gives publishing its {@link dev.certdocs.publish.PublishPlan} (the
 * {@link dev.certdocs.incremental.Spare} copy to start from);
 * {@link dev.certdocs.incremental.PageLedger} records what a run rendered and kept and writes the
 * manifest it leaves. Input: the build's configuration and its state directory; output: the
 * stages' results, and the state files for the next run (docs/incremental.md).
 */
package dev.certdocs.incremental;
