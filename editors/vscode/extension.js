// Ekip for VS Code: starts `ekip lsp` (the language server of this repository's Python package)
// for Markdown files and watches posts and brand/ so that changes made outside the editor
// (git pull, `ekip crisis start`) reach the server. Settings: ekip.command, ekip.grammar,
// ekip.siteUrl, ekip.debounce (see docs/EDITORS.md).
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

async function activate(context) {
  const config = vscode.workspace.getConfiguration("ekip");
  const [command, ...args] = config.get("command", ["ekip", "lsp"]);
  const serverOptions = { command, args, transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [{ scheme: "file", language: "markdown" }],
    synchronize: {
      fileEvents: [
        vscode.workspace.createFileSystemWatcher("**/*.md"),
        vscode.workspace.createFileSystemWatcher("**/brand/**"),
      ],
    },
    initializationOptions: {
      grammar: config.get("grammar", "off"),
      siteUrl: config.get("siteUrl") || undefined,
      debounce: config.get("debounce", 50),
    },
  };
  client = new LanguageClient("ekip", "Ekip", serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand("ekip.restart", () => client && client.restart()),
  );
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
