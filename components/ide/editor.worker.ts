// Monaco's editor worker, bundled with the app (see monaco-setup.ts).
import "monaco-editor/editor/editor.worker.js";
