fn main() {
    // The default theme is built into the binary (include_dir); build it
    // again when a file of it changes.
    println!("cargo:rerun-if-changed=themes/default");
}
