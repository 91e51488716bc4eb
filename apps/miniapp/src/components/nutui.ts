/**
 * The NutUI components we use, each imported from its own module with only its own stylesheet:
 * NutUI's full stylesheet adds ~230 KB of wxss to the main package. Import NutUI from here only.
 */
import Button from '@nutui/nutui-react-taro/dist/es/packages/button';
import Cell from '@nutui/nutui-react-taro/dist/es/packages/cell';
import CellGroup from '@nutui/nutui-react-taro/dist/es/packages/cellgroup';
import Divider from '@nutui/nutui-react-taro/dist/es/packages/divider';
import Empty from '@nutui/nutui-react-taro/dist/es/packages/empty';
import Loading from '@nutui/nutui-react-taro/dist/es/packages/loading';
import Skeleton from '@nutui/nutui-react-taro/dist/es/packages/skeleton';
import Tag from '@nutui/nutui-react-taro/dist/es/packages/tag';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/divider/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/empty/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/loading/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/skeleton/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/style.css';

export { Button, Cell, CellGroup, Divider, Empty, Loading, Skeleton, Tag };
