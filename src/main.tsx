import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { AppProviders } from '@/app/providers';
import { createQueryClient } from '@/app/query-client';
import { createAppRouter } from '@/app/routes';
import { nextTask } from '@/lib/next-task';
import './styles/global.css';

// Start-up runs as several short tasks rather than one long one, so the page answers input
// between them: the bundle's evaluation; the router (which starts the route's code and data
// downloads); then the first render, in a transition so React renders it in slices.
async function start(container: HTMLElement) {
  const queryClient = createQueryClient();
  await nextTask();
  const router = createAppRouter(queryClient);
  await nextTask();
  const root = createRoot(container);
  startTransition(() =>
    root.render(
      <StrictMode>
        <AppProviders queryClient={queryClient}>
          <RouterProvider router={router} />
        </AppProviders>
      </StrictMode>,
    ),
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
void start(container);
