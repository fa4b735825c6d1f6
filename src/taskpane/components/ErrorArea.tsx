import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import type { Strings } from "../i18n/catalogue";

export interface ErrorAreaProps {
  strings: Strings;
  message: string | null;
  intent?: "error" | "warning" | "info" | "success";
  onDismiss: () => void;
}

/** The one place the pane reports errors and outcomes, always in the chosen language. */
export function ErrorArea({ strings, message, intent = "error", onDismiss }: ErrorAreaProps) {
  if (!message) return null;
  return (
    <MessageBar intent={intent} data-testid={`message-${intent}`} layout="multiline">
      <MessageBarBody>
        {intent === "error" && <MessageBarTitle>{strings.errorTitle}</MessageBarTitle>}
        {message}
      </MessageBarBody>
      <MessageBarActions>
        <Button appearance="transparent" size="small" onClick={onDismiss}>
          {strings.dismiss}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
