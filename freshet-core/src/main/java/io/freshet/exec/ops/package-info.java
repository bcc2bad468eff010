/**
 * The running operators of physical plan nodes, one per file ({@code XxxOperator}), and the hash tables,
 * sorting and gathering kernels they share. {@link io.freshet.exec.ops.Operators} creates them.
 */
package io.freshet.exec.ops;
