import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './ide.css';
import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { getOperationAST, parse } from 'graphql';
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

/** This page is served by the gateway at GET /graphql: HTTP and graphql-ws on the same address. */
const url = new URL(location.pathname, location.href).href;
// A token the wallboard of this origin holds is offered in the header editor, and sent with the
// schema's first load (which goes out before the header editor's contents are read).
const token = sessionStorage.getItem('reglament.wallboard.token');
const toolkitFetcher = createGraphiQLFetcher({
  url,
  subscriptionUrl: url.replace(/^http/, 'ws'),
  ...(token ? { headers: { Authorization: `Bearer ${token}` } } : {}),
});
/**
 * The toolkit sends an operation over graphql-ws when the parsed document it is handed says it is a
 * subscription. GraphiQL 5 parses the editor's text a moment after each keystroke, so an operation run
 * right after typing comes with the previous document (a query) and the subscription went out over HTTP,
 * which refuses it. Parse the text that is sent, and name the operation it holds.
 */
const fetcher: Fetcher = (params, options) => {
  let documentAST;
  try {
    documentAST = parse(params.query);
  } catch {
    return toolkitFetcher(params, options);
  }
  // A document of one operation runs that one, whatever name the editor held before.
  const operation =
    getOperationAST(documentAST, params.operationName || undefined) ?? getOperationAST(documentAST, undefined);
  const { operationName: _held, ...rest } = params;
  const operationName = operation ? operation.name?.value : params.operationName;
  return toolkitFetcher({ ...rest, ...(operationName ? { operationName } : {}) }, { ...options, documentAST });
};
const headers = JSON.stringify({ Authorization: `Bearer ${token ?? '<paste the token from login here>'}` }, null, 2);

const FIRST_STEPS = `# Reglament GraphQL IDE (offline: everything comes from this gateway).
#
# 1. Log in (run this), copy data.login.token into the Headers tab as
#    { "Authorization": "Bearer <token>" }, then reload the schema (the circling arrows at the
#    bottom left): staff tokens load it (docs, completion); customers' tokens run operations only.
# 2. Query, e.g. { tickets(first: 5) { edges { node { number status sla { state nextDeadline } } } } }
# 3. Subscribe (graphql-ws on the same address), e.g.
#    subscription { slaChanged { type at cursor ticket { number sla { state } } } }
#    and pass the last cursor as \`after\` to resume after a reconnect.
mutation Login {
  login(email: "admin@reglament.local", password: "admin-demo-password") {
    token
  }
}
`;

createRoot(document.getElementById('ide')!).render(
  createElement(GraphiQL, {
    fetcher,
    defaultQuery: FIRST_STEPS,
    initialHeaders: headers,
    defaultEditorToolsVisibility: 'headers',
    shouldPersistHeaders: false,
  }),
);
