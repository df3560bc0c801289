package cn.gdhrss.intake.attachment;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A minimal but well-formed ISO base media (MP4) file: ftyp, then moov with mvhd and one video
 * track (tkhd, mdhd, hdlr 'vide', stsd avc1 with its width and height). No ffmpeg is needed, and
 * the numbers a parser should read back are known exactly.
 */
final class TinyMp4 {

    private TinyMp4() {}

    static byte[] of(int durationMillis, int width, int height) {
        byte[] ftyp = box("ftyp", ascii("mp42"), int32(0), ascii("mp42"), ascii("isom"));
        byte[] mvhd = box("mvhd", int32(0), int32(0), int32(0), int32(1000), int32(durationMillis),
                int32(0x00010000), int16(0x0100), new byte[10], matrix(), new byte[24], int32(2));
        byte[] tkhd = box("tkhd", int32(3), int32(0), int32(0), int32(1), int32(0), int32(durationMillis),
                new byte[8], int16(0), int16(0), int16(0), int16(0), matrix(), int32(width << 16), int32(height << 16));
        byte[] mdhd = box("mdhd", int32(0), int32(0), int32(0), int32(1000), int32(durationMillis), int16(0x55C4), int16(0));
        byte[] hdlr = box("hdlr", int32(0), int32(0), ascii("vide"), new byte[12], ascii("VideoHandler\0"));
        byte[] avc1 = box("avc1", new byte[6], int16(1), new byte[16], int16(width), int16(height),
                int32(0x00480000), int32(0x00480000), int32(0), int16(1), new byte[32], int16(0x18), int16(-1));
        byte[] stsd = box("stsd", int32(0), int32(1), avc1);
        byte[] stts = box("stts", int32(0), int32(0));
        byte[] stsc = box("stsc", int32(0), int32(0));
        byte[] stsz = box("stsz", int32(0), int32(0), int32(0));
        byte[] stco = box("stco", int32(0), int32(0));
        byte[] stbl = box("stbl", stsd, stts, stsc, stsz, stco);
        byte[] vmhd = box("vmhd", int32(1), new byte[8]);
        byte[] minf = box("minf", vmhd, stbl);
        byte[] mdia = box("mdia", mdhd, hdlr, minf);
        byte[] trak = box("trak", tkhd, mdia);
        byte[] moov = box("moov", mvhd, trak);
        return concat(ftyp, moov);
    }

    private static byte[] box(String type, byte[]... contents) {
        byte[] body = concat(contents);
        return concat(int32(8 + body.length), ascii(type), body);
    }

    private static byte[] matrix() {
        return concat(int32(0x00010000), int32(0), int32(0), int32(0), int32(0x00010000), int32(0), int32(0), int32(0),
                int32(0x40000000));
    }

    private static byte[] int32(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    private static byte[] int16(int value) {
        return ByteBuffer.allocate(2).putShort((short) value).array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
