package cn.gdhrss.intake.config;

import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file could not be read or written, as a few Chinese words for the sentence staff read; the
 * JDK's English text stays in the exception's cause, which goes to the log.
 */
public final class FileReason {
    private FileReason() {}

    public static String of(Throwable error) {
        if (error instanceof NoSuchFileException) {
            return "文件不存在";
        }
        if (error instanceof AccessDeniedException) {
            return "没有读写权限";
        }
        if (error instanceof CharacterCodingException) {
            return "不是 UTF-8 编码的文本";
        }
        if (error instanceof FileAlreadyExistsException || error instanceof NotDirectoryException) {
            return "路径上有同名的文件挡住了目录";
        }
        if (error instanceof FileSystemException system && system.getReason() != null
                && system.getReason().toLowerCase(java.util.Locale.ROOT).contains("is a directory")) {
            return "这是一个目录而不是文件";
        }
        return "读写出错";
    }
}
