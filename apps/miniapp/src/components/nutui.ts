/**
 * The NutUI components we use, each imported from its own module with only its own stylesheet:
 * NutUI's full stylesheet adds ~230 KB of wxss to the main package. Import NutUI from here only.
 * This module (and every stylesheet it imports) is part of the main package: a component only
 * subpackage pages use belongs in that subpackage's own module (packages/account/nutui.ts).
 */
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import Cell from '@nutui/nutui-react-taro/dist/es/packages/cell';
import CellGroup from '@nutui/nutui-react-taro/dist/es/packages/cellgroup';
import Divider from '@nutui/nutui-react-taro/dist/es/packages/divider';
import Empty from '@nutui/nutui-react-taro/dist/es/packages/empty';
import Loading from '@nutui/nutui-react-taro/dist/es/packages/loading';
import Popup from '@nutui/nutui-react-taro/dist/es/packages/popup';
import Skeleton from '@nutui/nutui-react-taro/dist/es/packages/skeleton';
import Switch from '@nutui/nutui-react-taro/dist/es/packages/switch';
import Tag from '@nutui/nutui-react-taro/dist/es/packages/tag';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/divider/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/empty/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/loading/style/style.css';
// Popup draws its mask with Overlay, whose stylesheet it does not import itself.
import '@nutui/nutui-react-taro/dist/es/packages/overlay/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/popup/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/skeleton/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/style.css';

export { Button, Cell, CellGroup, Divider, Empty, Loading, Popup, Skeleton, Switch, Tag };
