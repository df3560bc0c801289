package cn.gdhrss.intake.intake;

import java.nio.file.Path;

/**
 * A message's raw bytes, safely on disk.
 *
 * @param relativePath the file, relative to the data directory (what the register stores)
 */
public record ArchivedMessage(String sha256, long size, Path file, String relativePath) {}
