package org.storelink.branding.internal;

import com.google.zxing.oned.EAN13Writer;

/** The modules of an EAN-13 symbol, from ZXing's encoder, with the quiet zones GS1 asks for. */
public final class Ean13Symbol {
    /** 95 modules of bars and spaces between the quiet zones. */
    public static final int CODE_MODULES = 95;
    public static final int LEFT_QUIET = 11;
    public static final int RIGHT_QUIET = 7;
    public static final int TOTAL_MODULES = LEFT_QUIET + CODE_MODULES + RIGHT_QUIET;
    /** X-dimension of a 100% symbol; scanners are specified down to 80%. */
    public static final double NOMINAL_MODULE_MM = 0.33;

    private Ean13Symbol() {
    }

    /** The 95 code modules for 13 digits; true is a bar. */
    public static boolean[] modules(String ean13) {
        boolean[] encoded = new EAN13Writer().encode(ean13);
        if (encoded.length != CODE_MODULES) {
            throw new IllegalStateException("EAN-13 encoder gave " + encoded.length + " modules, not 95");
        }
        return encoded;
    }
}
