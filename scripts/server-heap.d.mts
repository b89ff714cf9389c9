/** Node flags the server runs with: the heap size, unless NODE_OPTIONS sets one. */
export declare const HEAP_FLAGS: string[];
