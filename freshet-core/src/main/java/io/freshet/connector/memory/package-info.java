/** The in-memory table connector: {@link io.freshet.connector.memory.MemoryTableSource}. */
package io.freshet.connector.memory;
