package org.amplify.models;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The size of a model X: width, depth, attention heads, and the width of each block's feed-forward
 * layer. The defaults (about 150k parameters) train one task in minutes on 2 CPU cores.
 */
public record ModelSize(
        @Min(8) @Max(512) int width,
        @Min(1) @Max(8) int layers,
        @Min(1) @Max(16) int heads,
        @Min(8) @Max(2048) int feedForward) {

    public static final ModelSize DEFAULT = new ModelSize(64, 3, 4, 256);

    public ModelSize {
        if (width % heads != 0) {
            throw new IllegalArgumentException("width must be a multiple of heads");
        }
    }
}
