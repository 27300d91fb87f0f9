package org.onepro.model.internal.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Base of every OnePro block: parameters are declared with their full shape when the block is
 * built, so initialisation needs no shape inference and a model's structure is fixed by its config.
 *
 * <p>Sub-blocks expose typed {@code apply} methods; {@link #forwardInternal} delegates to {@link
 * #forwardList} so the blocks still work through DJL's generic {@code forward}.
 */
public abstract class ParamBlock extends AbstractBlock {

    /** Registers a trainable parameter with a fixed shape and initialiser. */
    protected final Parameter param(String name, Shape shape, Init init) {
        return param(name, shape, init, true);
    }

    /** Registers a parameter; {@code trainable=false} keeps it out of gradient computation. */
    protected final Parameter param(String name, Shape shape, Init init, boolean trainable) {
        return addParameter(
                Parameter.builder()
                        .setName(name)
                        .setType(Parameter.Type.OTHER)
                        .optShape(shape)
                        .optInitializer(new SeededInitializer(init))
                        .optRequiresGrad(trainable)
                        .build());
    }

    /** The array of a parameter as seen by this forward pass. */
    protected static NDArray value(ParameterStore ps, Parameter p, NDArray like, boolean training) {
        return ps.getValue(p, like.getDevice(), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... shapes) {
        for (Block child : getChildren().values()) {
            child.initialize(manager, dataType, shapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        throw new UnsupportedOperationException(
                getClass().getSimpleName()
                        + " does not infer output shapes: its parameter shapes come from the model"
                        + " config, and outputs are only known by running it");
    }

    @Override
    protected final NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        return forwardList(ps, inputs, training);
    }

    /**
     * The block's computation on a positional list of inputs; see each block's {@code apply} for
     * the meaning of the positions.
     */
    protected abstract NDList forwardList(ParameterStore ps, NDList inputs, boolean training);
}
