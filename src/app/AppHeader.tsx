import { Link, NavLink } from 'react-router';
import { paths } from '@/lib/paths';
import { BackendLabel, ReadOnlyLabel } from './BackendLabel';
import { ShortcutsHelp } from './ShortcutsHelp';
import { SignedInUser } from './SignedInUser';
import { ThemeSelect } from './ThemeSelect';

/** Product name, the two top-level sections, the backend in use, the theme and the shortcuts. */
export function AppHeader() {
  return (
    <header className="app-header">
      <Link to={paths.home.href()} className="app-brand">
        Parallax
      </Link>
      <nav aria-label="Main" className="app-nav">
        {/* NavLink sets aria-current="page" on the active section, run pages included. */}
        <NavLink to={paths.experiments.path} className="app-nav-link">
          Experiments
        </NavLink>
        <NavLink to={paths.models.path} className="app-nav-link">
          Models
        </NavLink>
      </nav>
      <div className="app-header-end">
        <ReadOnlyLabel />
        <BackendLabel />
        <SignedInUser />
        <ThemeSelect />
        <ShortcutsHelp />
      </div>
    </header>
  );
}
