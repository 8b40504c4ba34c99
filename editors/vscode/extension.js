// Starts `qovery-lint lsp` for JSON and YAML files; the server decides which files it checks
// (the same selection and `.qovery-lint.toml` as `qovery-lint check`).
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate() {
  const command = vscode.workspace.getConfiguration('qovery-lint').get('path') || 'qovery-lint';
  client = new LanguageClient(
    'qovery-lint',
    'qovery-lint',
    { command, args: ['lsp'], transport: TransportKind.stdio },
    {
      documentSelector: [
        { scheme: 'file', language: 'json' },
        { scheme: 'file', language: 'yaml' },
        { scheme: 'untitled', language: 'json' },
        { scheme: 'untitled', language: 'yaml' },
      ],
      // Tells the server when a configuration file changes (workspace/didChangeWatchedFiles).
      synchronize: {
        fileEvents: vscode.workspace.createFileSystemWatcher('**/.qovery-lint.toml'),
      },
    },
  );
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
