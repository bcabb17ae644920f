/**
 * Writes files the way every output of certdocs is written: new files and folders under unique
 * names, with the modes the user's umask gives. Shared by the report writers (diagnostic) and
 * publishing; it depends on no stage.
 */
package dev.certdocs.files;
