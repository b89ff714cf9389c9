// The server's JavaScript heap: 1 GB unless NODE_OPTIONS sets one. V8 sizes
// its default from the machine's memory (about 4 GB on a 24 GB machine) and
// collects garbage late within it: a 100,000-row import then peaks near
// 700 MB for garbage alone. Within 1 GB it peaks near 430 MB and runs as fast
// (`npm run bench:import` runs its phases with this same flag).
export const HEAP_FLAGS = /--max-old-space-size/.test(process.env.NODE_OPTIONS ?? "") ? [] : ["--max-old-space-size=1024"];
