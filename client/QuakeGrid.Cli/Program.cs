// Placeholder entry point; replaced by the host implementation.
return 0;
