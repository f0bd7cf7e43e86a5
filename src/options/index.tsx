import {render} from 'preact';
import {localizeDocument, t} from '../core/i18n';
import {Options} from './Options';

localizeDocument(document);
document.title = t('optionsTitle');
render(<Options />, document.getElementById('app')!);
