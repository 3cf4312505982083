import { Component, type ReactNode } from 'react';

interface Props {
  /** What the pane shows, as the message names it: "This brief", "The Library". */
  what: string;
  children: ReactNode;
  /** A way out besides trying again (closing the brief), where the pane has one. */
  back?: { label: string; run: () => void } | undefined;
}

interface State {
  error: Error | null;
}

/**
 * A pane whose rendering (or an effect of it, such as building a brief's editor) threw says what
 * failed in its own place, with a way to try again. React unmounts everything under the nearest
 * boundary, so without one a single bad brief blanked the whole app; with one, the top bar, the
 * other panes and the autosaver (which sits above every pane) carry on.
 */
export class PaneBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { what, back } = this.props;
    const retry = () => this.setState({ error: null });
    return (
      <div role="alert" className="pane-error panel">
        <p className="error">{what} could not be shown: {error.message}</p>
        <p>Everything saved is safe. Try again, or report this message if it comes back.</p>
        <button onClick={retry}>Try again</button>
        {back && <button onClick={() => { retry(); back.run(); }}>{back.label}</button>}
      </div>
    );
  }
}
