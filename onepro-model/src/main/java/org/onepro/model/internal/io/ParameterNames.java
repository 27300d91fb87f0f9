package org.onepro.model.internal.io;

import java.util.regex.Pattern;

/**
 * The names parameters are saved under. DJL names a parameter by the path of its blocks with each block's
 * position prefixed ({@code 01encoder_02unit0a_01conv_weight}), so inserting a block renumbers everything after
 * it; files of format version 2 use the path without positions ({@code encoder.unit0a.conv.weight}), which stays
 * the same when a block is added elsewhere.
 */
final class ParameterNames {

    private static final Pattern POSITION = Pattern.compile("^\\d+(?=[A-Za-z])");

    private ParameterNames() {
    }

    /**
     * The semantic name of a DJL parameter name (or of a name in a version-1 file): path parts joined by dots, the
     * position prefixes dropped. Applied to a semantic name it returns that name.
     */
    static String semantic(String djlName) {
        String[] parts = djlName.split("_");
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(POSITION.matcher(part).replaceFirst(""));
        }
        return out.toString();
    }
}
